[#ftl output_format="plainText"]
[#-- containerd hosts.toml (docs/hosts.md). Every string goes through toml(): no input value can
     end a string or open a table. --]
[#if server??]
server = "[=toml(server)]"

[/#if]
[#list hosts as h]
[host."[=toml(h.url)]"]
  capabilities = [[#list h.capabilities as c]"[=toml(c)]"[#sep], [/#list]]
[#if h.ca??]
  ca = "[=toml(h.ca)]"
[/#if]
[#if h.clientCert??]
[#if h.clientKey??]
  client = [["[=toml(h.clientCert)]", "[=toml(h.clientKey)]"]]
[#else]
  client = "[=toml(h.clientCert)]"
[/#if]
[/#if]
[#if h.skipVerify]
  skip_verify = true
[/#if]
[#if h.overridePath]
  override_path = true
[/#if]
[#sep]

[/#sep]
[/#list]
