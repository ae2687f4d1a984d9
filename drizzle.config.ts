import { defineConfig } from "drizzle-kit";

// `db:generate` only diffs the schema; `db:studio` and `db:migrate` need DATABASE_URL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/cadence" },
});
