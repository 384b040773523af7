"""A small YAML subset reader (Python 3 standard library only).

It reads the YAML found in the reference folder: block mappings and sequences
(including a sequence at the same indentation as its parent key), compact
"- key: value" items, flow collections ([..], {..}) that may span lines,
plain / single-quoted / double-quoted scalars that may span lines (folded),
literal and folded block scalars, comments and a leading '---'.

Scalars are resolved like PyYAML's YAML 1.1 resolver for the cases that occur
(null, bool incl. yes/no/on/off, int, float); everything else is a string.
Anchors, aliases, tags, complex keys and multiple documents are rejected with
an error rather than guessed.
"""

import re

__all__ = ["load", "YamlError"]


class YamlError(Exception):
    pass


_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}
_FALSE = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}
_INT_DEC = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_INT_OCT = re.compile(r"^[-+]?0[0-7_]+$")
_INT_HEX = re.compile(r"^[-+]?0x[0-9a-fA-F_]+$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+][0-9]+)?$")
_FLOAT_EXP = re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+][0-9]+$")


def _resolve_plain(s):
    if s in _NULL:
        return None
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    if _INT_HEX.match(s):
        return int(s.replace("_", ""), 16)
    if _INT_OCT.match(s) and s.lstrip("+-") != "0":
        sign = -1 if s.startswith("-") else 1
        return sign * int(s.lstrip("+-").replace("_", ""), 8)
    if _INT_DEC.match(s):
        return int(s.replace("_", ""))
    if s in (".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"):
        return float("inf")
    if s in ("-.inf", "-.Inf", "-.INF"):
        return float("-inf")
    if s in (".nan", ".NaN", ".NAN"):
        return float("nan")
    if (_FLOAT.match(s) and any(c.isdigit() for c in s)) or _FLOAT_EXP.match(s):
        return float(s.replace("_", ""))
    if s[:1] in ("&", "*", "!", "?", "%", "@", "`"):
        raise YamlError("unsupported YAML construct in plain scalar: %r" % s)
    return s


def _indent_of(line):
    n = len(line) - len(line.lstrip(" "))
    if line[n:n + 1] == "\t":
        raise YamlError("tab indentation is not supported: %r" % line)
    return n


def _is_blank_or_comment(line):
    t = line.strip()
    return t == "" or t.startswith("#")


def _strip_comment(text):
    """Remove a trailing ' #...' comment outside quotes from one line of text."""
    in_s = in_d = False
    i = 0
    while i < len(text):
        c = text[i]
        if in_d:
            if c == "\\":
                i += 2
                continue
            if c == '"':
                in_d = False
        elif in_s:
            if c == "'":
                if text[i + 1:i + 2] == "'":
                    i += 2
                    continue
                in_s = False
        else:
            if c == '"':
                in_d = True
            elif c == "'":
                in_s = True
            elif c == "#" and (i == 0 or text[i - 1] in " \t"):
                return text[:i].rstrip()
        i += 1
    return text.rstrip()


def _key_split(content):
    """If `content` (comment already stripped) is 'key: rest' or 'key:',
    return (key, rest); otherwise None."""
    if not content:
        return None
    c0 = content[0]
    if c0 in "[{#|>&*!%@`":
        return None
    if c0 in "-?" and content[1:2] in (" ", ""):
        if c0 == "?":
            raise YamlError("complex keys are not supported")
        return None
    if c0 in "\"'":
        end = _quote_end(content, c0)
        if end is None:
            return None
        after = content[end + 1:]
        if after.startswith(":") and after[1:2] in ("", " "):
            return _parse_quoted(content[:end + 1]), after[1:].strip()
        return None
    m = re.search(r":( |$)", content)
    if not m:
        return None
    return _resolve_plain(content[:m.start()].rstrip()), content[m.end():].strip()


def _quote_end(buf, q):
    """Index of the closing quote of the quoted scalar starting at buf[0]."""
    i = 1
    while i < len(buf):
        c = buf[i]
        if q == '"' and c == "\\":
            i += 2
            continue
        if c == q:
            if q == "'" and buf[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


_ESC = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "/": "/", "0": "\0",
        "r": "\r", " ": " ", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f",
        "v": "\v", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
        "\t": "\t"}


def _fold(body, escapes):
    """Apply flow-scalar line folding to the raw body of a quoted scalar."""
    lines = body.split("\n")
    pieces = []
    for idx, l in enumerate(lines):
        last = idx == len(lines) - 1
        if idx > 0:
            l = l.lstrip(" \t")
        esc_break = False
        if escapes and not last:
            m = re.search(r"(\\+)$", l)
            esc_break = bool(m) and len(m.group(1)) % 2 == 1
        if esc_break:
            seg = l[:-1]
        elif not last:
            seg = l.rstrip(" \t")
        else:
            seg = l
        pieces.append((seg, esc_break, last))
    out = pieces[0][0]
    prev_esc = pieces[0][1]
    empties = 0
    for seg, esc, last in pieces[1:]:
        if prev_esc:
            out += seg
        elif seg == "" and not last:
            empties += 1
            prev_esc = esc
            continue
        else:
            out += ("\n" * empties if empties else " ") + seg
            empties = 0
        prev_esc = esc
    return out


def _parse_quoted(tok):
    """Parse one complete quoted scalar token (may contain raw newlines)."""
    q = tok[0]
    body = tok[1:-1]
    if q == "'":
        return _fold(body, False).replace("''", "'")
    text = _fold(body, True)
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = text[i + 1:i + 2]
        if n in _ESC:
            out.append(_ESC[n])
            i += 2
        elif n in ("x", "u", "U"):
            width = {"x": 2, "u": 4, "U": 8}[n]
            out.append(chr(int(text[i + 2:i + 2 + width], 16)))
            i += 2 + width
        else:
            raise YamlError("bad escape in %r" % tok)
    return "".join(out)


class _Parser:
    def __init__(self, text):
        lines = text.replace("\r\n", "\n").split("\n")
        idx = 0
        while idx < len(lines) and _is_blank_or_comment(lines[idx]):
            idx += 1
        if idx < len(lines) and lines[idx].rstrip() == "---":
            lines[idx] = ""  # leading document marker
        for j in range(idx + 1, len(lines)):
            if lines[j].rstrip() in ("---", "..."):
                raise YamlError("multiple documents are not supported")
        self.lines = lines
        self.i = 0

    def _cur(self):
        while self.i < len(self.lines) and _is_blank_or_comment(self.lines[self.i]):
            self.i += 1
        return self.lines[self.i] if self.i < len(self.lines) else None

    def parse(self):
        line = self._cur()
        if line is None:
            return None
        v = self._node(_indent_of(line))
        if self._cur() is not None:
            raise YamlError("unexpected content at line %d: %r" % (self.i + 1, self.lines[self.i]))
        return v

    def _node(self, ind):
        line = self._cur()
        content = _strip_comment(line[ind:])
        if content == "-" or content.startswith("- "):
            return self._seq(ind)
        if _key_split(content) is not None:
            return self._map(ind)
        return self._inline(ind - 1, line[ind:])

    def _map(self, ind):
        result = {}
        while True:
            line = self._cur()
            if line is None:
                break
            li = _indent_of(line)
            if li < ind:
                break
            if li > ind:
                raise YamlError("bad indentation at line %d: %r" % (self.i + 1, line))
            ks = _key_split(_strip_comment(line[li:]))
            if ks is None:
                break
            key, rest = ks
            if key in result:
                raise YamlError("duplicate key %r at line %d" % (key, self.i + 1))
            if rest == "":
                self.i += 1
                nxt = self._cur()
                if nxt is None:
                    result[key] = None
                    continue
                ni = _indent_of(nxt)
                nc = _strip_comment(nxt[ni:])
                if ni > ind:
                    result[key] = self._node(ni)
                elif ni == ind and (nc == "-" or nc.startswith("- ")):
                    result[key] = self._seq(ni)
                else:
                    result[key] = None
            else:
                result[key] = self._inline(ind, rest)
        return result

    def _seq(self, ind):
        result = []
        while True:
            line = self._cur()
            if line is None:
                break
            li = _indent_of(line)
            if li < ind:
                break
            if li > ind:
                raise YamlError("bad indentation at line %d" % (self.i + 1))
            content = line[li:]
            if not (content == "-" or content.startswith("- ")):
                break
            rest = content[1:]
            stripped = rest.lstrip(" ")
            if _strip_comment(stripped) == "":
                self.i += 1
                nxt = self._cur()
                if nxt is None or _indent_of(nxt) <= ind:
                    result.append(None)
                else:
                    result.append(self._node(_indent_of(nxt)))
                continue
            col = li + 1 + (len(rest) - len(stripped))
            # turn "- item" into an item at column col and parse it as a node
            self.lines[self.i] = " " * col + stripped
            sc = _strip_comment(stripped)
            if sc == "-" or sc.startswith("- ") or _key_split(sc) is not None:
                result.append(self._node(col))
            else:
                result.append(self._inline(ind, stripped))
        return result

    def _inline(self, parent_ind, text):
        """A value written on the current line (text), continuation lines
        must be indented more than parent_ind."""
        text_nc = _strip_comment(text)
        c0 = text_nc[:1]
        if c0 in ("&", "*", "!"):
            raise YamlError("anchors/aliases/tags not supported (line %d)" % (self.i + 1))
        if c0 in ("[", "{"):
            return self._flow(text)
        if c0 in ('"', "'"):
            return self._quoted(text)
        if c0 in ("|", ">"):
            return self._block_scalar(text_nc, parent_ind)
        parts = [text_nc.strip()]
        self.i += 1
        while self.i < len(self.lines):
            l = self.lines[self.i]
            if l.strip() == "":
                j = self.i
                while j < len(self.lines) and self.lines[j].strip() == "":
                    j += 1
                if (j < len(self.lines) and _indent_of(self.lines[j]) > parent_ind
                        and not self.lines[j].strip().startswith("#")):
                    parts.append("\n" * (j - self.i))
                    self.i = j
                    continue
                break
            if _indent_of(l) <= parent_ind or l.strip().startswith("#"):
                break
            cont = _strip_comment(l.strip())
            if re.search(r":( |$)", cont) or cont.startswith("- "):
                raise YamlError("ambiguous plain scalar continuation at line %d" % (self.i + 1))
            parts.append(cont)
            self.i += 1
        if len(parts) == 1:
            return _resolve_plain(parts[0])
        out = parts[0]
        for p in parts[1:]:
            if p.startswith("\n"):
                out += p
            elif out.endswith("\n"):
                out += p
            else:
                out += " " + p
        return out

    def _quoted(self, text):
        q = text[0]
        buf = text
        start_line = self.i
        while True:
            end = _quote_end(buf, q)
            if end is not None:
                break
            self.i += 1
            if self.i >= len(self.lines):
                raise YamlError("unterminated quoted scalar from line %d" % (start_line + 1))
            buf += "\n" + self.lines[self.i]
        after = _strip_comment(buf[end + 1:]).strip()
        if after:
            raise YamlError("unexpected text after quoted scalar at line %d: %r" % (self.i + 1, after))
        self.i += 1
        return _parse_quoted(buf[:end + 1])

    def _flow(self, text):
        buf = _strip_comment(text)
        start_line = self.i
        while not self._balanced(buf):
            self.i += 1
            if self.i >= len(self.lines):
                raise YamlError("unterminated flow collection from line %d" % (start_line + 1))
            buf += "\n" + _strip_comment(self.lines[self.i])
        self.i += 1
        fp = _FlowParser(buf)
        v = fp.value()
        fp.ws()
        if fp.pos != len(fp.s):
            raise YamlError("trailing text after flow collection: %r" % fp.s[fp.pos:])
        return v

    @staticmethod
    def _balanced(buf):
        depth = 0
        in_s = in_d = False
        i = 0
        while i < len(buf):
            c = buf[i]
            if in_d:
                if c == "\\":
                    i += 2
                    continue
                if c == '"':
                    in_d = False
            elif in_s:
                if c == "'":
                    if buf[i + 1:i + 2] == "'":
                        i += 2
                        continue
                    in_s = False
            elif c == '"':
                in_d = True
            elif c == "'":
                in_s = True
            elif c in "[{":
                depth += 1
            elif c in "]}":
                depth -= 1
            i += 1
        return depth == 0 and not in_s and not in_d

    def _block_scalar(self, header, parent_ind):
        m = re.match(r"^([|>])([+-]?)([1-9]?)([+-]?)$", header.strip())
        if not m:
            raise YamlError("bad block scalar header %r" % header)
        style = m.group(1)
        chomp = m.group(2) or m.group(4)
        block_ind = parent_ind + int(m.group(3)) if m.group(3) else None
        self.i += 1
        body = []
        while self.i < len(self.lines):
            l = self.lines[self.i]
            if l.strip() == "":
                # spaces beyond the block indentation are content
                body.append(l[block_ind:] if block_ind is not None and len(l) > block_ind else "")
                self.i += 1
                continue
            li = _indent_of(l)
            if block_ind is None:
                if li <= parent_ind:
                    break
                block_ind = li
            if li < block_ind:
                break
            body.append(l[block_ind:])
            self.i += 1
        trailing = 0
        while body and body[-1] == "":
            body.pop()
            trailing += 1
        if not body:
            return "\n" * trailing if chomp == "+" else ""
        if style == "|":
            text = "\n".join(body)
        else:
            text = body[0]
            prev_more = body[0][:1] in (" ", "\t")
            pending_empty = 0
            for l in body[1:]:
                if l == "":
                    pending_empty += 1
                    continue
                more = l[:1] in (" ", "\t")
                if pending_empty:
                    text += "\n" * (pending_empty + (1 if (more or prev_more) else 0))
                    pending_empty = 0
                elif more or prev_more:
                    text += "\n"
                else:
                    text += " "
                text += l
                prev_more = more
        if chomp == "-":
            return text
        if chomp == "+":
            return text + "\n" * (1 + trailing)
        return text + "\n"


class _FlowParser:
    def __init__(self, s):
        self.s = s
        self.pos = 0

    def ws(self):
        while self.pos < len(self.s) and self.s[self.pos] in " \t\n":
            self.pos += 1

    def value(self):
        self.ws()
        c = self.s[self.pos:self.pos + 1]
        if c == "[":
            self.pos += 1
            out = []
            while True:
                self.ws()
                if self.s[self.pos:self.pos + 1] == "]":
                    self.pos += 1
                    return out
                out.append(self.value())
                self.ws()
                c = self.s[self.pos:self.pos + 1]
                if c == ",":
                    self.pos += 1
                elif c == "]":
                    self.pos += 1
                    return out
                else:
                    raise YamlError("bad flow sequence near %r" % self.s[self.pos:self.pos + 30])
        if c == "{":
            self.pos += 1
            out = {}
            while True:
                self.ws()
                if self.s[self.pos:self.pos + 1] == "}":
                    self.pos += 1
                    return out
                k = self.value()
                self.ws()
                if self.s[self.pos:self.pos + 1] != ":":
                    raise YamlError("expected ':' in flow mapping near %r" % self.s[self.pos:self.pos + 30])
                self.pos += 1
                self.ws()
                if self.s[self.pos:self.pos + 1] in (",", "}"):
                    v = None
                else:
                    v = self.value()
                if k in out:
                    raise YamlError("duplicate key %r" % (k,))
                out[k] = v
                self.ws()
                c = self.s[self.pos:self.pos + 1]
                if c == ",":
                    self.pos += 1
                elif c == "}":
                    self.pos += 1
                    return out
                else:
                    raise YamlError("bad flow mapping near %r" % self.s[self.pos:self.pos + 30])
        if c in ('"', "'"):
            end = _quote_end(self.s[self.pos:], c)
            if end is None:
                raise YamlError("unterminated quoted scalar in flow")
            tok = self.s[self.pos:self.pos + end + 1]
            self.pos += end + 1
            return _parse_quoted(tok)
        if c in ("&", "*", "!"):
            raise YamlError("anchors/aliases/tags not supported in flow")
        start = self.pos
        while self.pos < len(self.s):
            ch = self.s[self.pos]
            if ch in ",]}":
                break
            if ch == ":" and (self.pos + 1 >= len(self.s) or self.s[self.pos + 1] in " \n,]}"):
                break
            self.pos += 1
        raw = self.s[start:self.pos]
        words = " ".join(w for w in re.split(r"[ \t]*\n[ \t]*", raw.strip()))
        return _resolve_plain(words.strip())


def load(text):
    """Parse one YAML document (subset) and return Python objects."""
    return _Parser(text).parse()
