import type { NotifyChannels } from "../adapters/notify/types";
import type { FileStorage } from "../adapters/storage/storage";
import type { Database } from "../db/client";
import type { Clock } from "../shared/clock";
import { VERSION } from "../shared/version";

/** Settings of one Yizhan deployment (from the environment and CLI flags). */
export type Config = {
  /** Idle session lifetime in minutes. */
  sessionIdleMinutes: number;
  /** Absolute session lifetime in minutes. */
  sessionMaxMinutes: number;
  /** Failed logins within `lockoutWindowMinutes` that lock an account. */
  lockoutThreshold: number;
  lockoutWindowMinutes: number;
  lockoutMinutes: number;
  /** Login attempts per IP per minute. */
  loginRateLimitPerMinute: number;
  /** Send the `Secure` attribute on cookies (behind HTTPS). */
  secureCookies: boolean;
  demo: boolean;
  version: string;
};

export const defaultConfig: Config = {
  sessionIdleMinutes: 8 * 60,
  sessionMaxMinutes: 7 * 24 * 60,
  lockoutThreshold: 5,
  lockoutWindowMinutes: 15,
  lockoutMinutes: 15,
  loginRateLimitPerMinute: 30,
  secureCookies: false,
  demo: false,
  version: VERSION,
};

/** Everything a use case needs from the outside world, injected (database, clock, settings). */
export type AppContext = {
  database: Database;
  clock: Clock;
  config: Config;
  /** Outbound e-mail and SMS (built from the environment by the server; absent in most tests). */
  notify?: NotifyChannels;
  /** Where uploaded and generated files are stored (default: `files/` beside the data). */
  storage?: FileStorage;
};
