# make install [PREFIX=/usr/local]: builds launchc and puts it on PATH, with completion and a man page.
PREFIX ?= /usr/local
LIBDIR = $(PREFIX)/lib/launchc
JAR = cli/target/launchc.jar

.PHONY: build install test uninstall

build:
	mvn -q -B -DskipTests install

# make test: installs the Debian packages the tests need when missing (tools/test-deps), then runs every test.
test:
	tools/test-deps
	mvn -B -ntp verify

install: build
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0644 $(JAR) $(DESTDIR)$(LIBDIR)/launchc.jar
	{ echo '#!/bin/sh'; cat tools/launcher-guard.sh; printf '%s\n' \
		'jar="$(LIBDIR)/launchc.jar"; jsa="$(LIBDIR)/launchc.jsa"' \
		'set -- -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss4m -jar "$$jar" "$$@"' \
		'if [ -f "$$jsa" ]; then set -- -XX:SharedArchiveFile="$$jsa" -Xshare:auto "$$@"; fi' \
		'exec java "$$@"'; } > $(DESTDIR)$(PREFIX)/bin/launchc
	chmod 0755 $(DESTDIR)$(PREFIX)/bin/launchc
	-tools/cds-archive $(DESTDIR)$(LIBDIR)/launchc.jar $(DESTDIR)$(LIBDIR)/launchc.jsa
	java -jar $(JAR) completion > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/launchc
	java -jar $(JAR) manpage > $(DESTDIR)$(PREFIX)/share/man/man1/launchc.1

uninstall:
	rm -rf $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PREFIX)/bin/launchc \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/launchc $(DESTDIR)$(PREFIX)/share/man/man1/launchc.1
