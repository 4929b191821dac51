import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createUser } from "../../app/users/createUser";
import { openDatabase } from "../../db/client";
import { YizhanError } from "../../domain/errors";
import { ZCreateUser } from "../../shared/api/requests/admin";
import { type Command, databaseOptions } from "../command";
import { readAll } from "../io";
import { UsageError } from "../output";

const USAGE = `yizhan user add --username NAME --name "显示名" --password PW [--role ROLE@ORGCODE ...] [--kind staff|person|enterprise]
                 [--id-number ID] [--credit-code CODE] [--phone PHONE] [--data-dir DIR]

  --role   repeatable: clerk@HY-ZRZY-WIN, reviewer@HY-ZRZY-GH, admin@HY-ZRZY, applicant
  --password -   read the password from standard input`;

export const userCommand: Command = {
  name: "user",
  summary: "Manage accounts: user add",
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub !== "add")
      throw new UsageError(sub ? `unknown subcommand: user ${sub}` : "missing subcommand: user add");
    const { values } = parseArgs({
      args: rest,
      options: {
        username: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        role: { type: "string", multiple: true },
        kind: { type: "string" },
        "id-number": { type: "string" },
        "credit-code": { type: "string" },
        phone: { type: "string" },
        "data-dir": { type: "string" },
      },
      strict: true,
    });
    for (const required of ["username", "name", "password"] as const) {
      if (!values[required]) throw new UsageError(`--${required} is required`);
    }
    const password = values.password === "-" ? (await readAll(io.stdin)).trim() : values.password;
    let input: ReturnType<typeof ZCreateUser.parse>;
    try {
      input = ZCreateUser.parse({
        username: values.username,
        displayName: values.name,
        password,
        kind: values.kind ?? "staff",
        roles: (values.role ?? []).map((r) => {
          const [role, org] = r.split("@");
          return { role, org: org || undefined };
        }),
        idNumber: values["id-number"],
        creditCode: values["credit-code"],
        phone: values.phone,
      });
    } catch (e) {
      if (e instanceof ZodError) {
        throw new UsageError(e.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "));
      }
      throw e;
    }
    const database = await openDatabase(databaseOptions(values, io.env));
    try {
      await database.migrate();
      const user = await database.db.transaction((tx) => createUser(tx, input));
      io.stdout.write(`User ${input.username} created (${user.id}).\n`);
      return 0;
    } catch (e) {
      if (e instanceof YizhanError) {
        io.stderr.write(
          `yizhan user add: ${e.messages["zh-CN"]} / ${e.messages["en-US"]}${e.field ? ` [${e.field}]` : ""}\n`,
        );
        return 1;
      }
      throw e;
    } finally {
      await database.close();
    }
  },
};
