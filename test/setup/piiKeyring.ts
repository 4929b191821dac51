import { loadPiiKeyring, setPiiKeyring } from "../../src/adapters/pii/keyring";
import { TEST_PII_ENV } from "./piiKeys";

// Before each test file (files share a worker process): the run's personal-data keys are the process's
// keyring again, whatever a file before set (a server on its own keys directory, a rotation).
setPiiKeyring(loadPiiKeyring("", TEST_PII_ENV));
