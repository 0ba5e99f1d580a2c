import { runVerifierCli } from './verifier-cli';

// Deliberately free of Nest, TypeORM and the database: this runs on anyone's machine against any copy of the ledger.
runVerifierCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
