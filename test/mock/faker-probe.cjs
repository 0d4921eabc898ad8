// Run by english-faker.test.ts with and without Prism's preload: loads Prism's answer generator
// as Prism does, then prints how many faker modules were loaded and what the faker instance the
// generator uses (directly and through an `x-faker` keyword) gives for a fixed seed.
const { writeSync } = require("node:fs");
const { createRequire } = require("node:module");

const http = createRequire(require.resolve("@stoplight/prism-http"));
http("./mocker/generator/JSONSchema.js");
const faker = http("@faker-js/faker").default;
const { JSONSchemaFaker } = http("json-schema-faker");

faker.seed(20261203);
const values = {
  locale: faker.locale,
  firstName: faker.name.firstName(),
  lastName: faker.name.lastName(),
  word: faker.lorem.word(),
  sentence: faker.lorem.sentence(),
  email: faker.internet.email(),
  city: faker.address.city(),
  street: faker.address.streetAddress(),
  company: faker.company.companyName(),
  product: faker.commerce.productName(),
  phone: faker.phone.phoneNumber(),
  uuid: faker.datatype.uuid(),
  amount: faker.finance.amount(),
  past: faker.date.past(1, "2026-01-01T00:00:00Z").toISOString(),
  keyword: JSONSchemaFaker.generate({ type: "string", "x-faker": "lorem.word" }),
};
const fakerModules = Object.keys(require.cache).filter((file) => file.includes("@faker-js")).length;
writeSync(1, JSON.stringify({ fakerModules, values, englishWords: faker.definitions.lorem.words }));
// The preload's watchdog keeps reading stdin; the probe is done.
process.exit(0);
