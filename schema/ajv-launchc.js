// Lets ajv-cli 5 (Ajv 8, strict mode) compile the launchc schemas unchanged.
// The schemas carry `markdownDescription`, an annotation that editors (VS Code,
// yaml-language-server) show on hover; Ajv's strict mode rejects unknown keywords,
// so it is declared here as an annotation without validation. Union types such as
// ["string", "number", "boolean", "null"] mirror what MicroK8s' parser accepts;
// allowUnionTypes silences Ajv's strictTypes warning about them.
// Usage: ajv validate -c ./schema/ajv-launchc.js -s schema/native/0.2.0.json -d file.yaml
module.exports = function (ajv) {
  ajv.addKeyword({ keyword: "markdownDescription", schemaType: "string" });
  ajv.opts.allowUnionTypes = true;
  return ajv;
};
