[#ftl output_format="plainText"]
[#-- The cluster agent's generated file (GenerateCSRConf) numbers SANs from 0 and starts with a
     blank line; the snap's stock template numbers from 1. Both keep the #MOREIPS marker. --]
[#if generated]

[/#if]
[ req ]
default_bits = 2048
prompt = no
default_md = sha256
req_extensions = req_ext
distinguished_name = dn

[ dn ]
C = GB
ST = Canonical
L = Canonical
O = Canonical
OU = Canonical
CN = 127.0.0.1

[ req_ext ]
subjectAltName = @alt_names

[ alt_names ]
[#list dnsNames as name]
DNS.[=name?index + first] = [=name]
[/#list]
[#if generated]


[/#if]
[#list ipAddresses as ip]
IP.[=ip?index + first] = [=ip]
[/#list]
[#if generated]

[/#if]
#MOREIPS

[ v3_ext ]
authorityKeyIdentifier=keyid,issuer:always
basicConstraints=CA:FALSE
keyUsage=keyEncipherment,dataEncipherment,digitalSignature
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=@alt_names
