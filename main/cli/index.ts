import { runCli } from './loreweaver-cli';

/** `npx loreweaver …`: the built entry that bin/loreweaver.mjs loads. */
void runCli(process.argv.slice(2), { log: (line) => console.log(line), error: (line) => console.error(line) }).then((code) => {
  process.exitCode = code;
});
