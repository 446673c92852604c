/**
 * Zod builds fast object parsers with `new Function`, which the app's Content-Security-Policy
 * (no 'unsafe-eval') forbids; each attempt would be reported as a violation. Its interpreter
 * is used instead. main.tsx imports this first, before any schema is built, because a schema
 * decides at construction whether to compile.
 */
import { config } from 'zod';

config({ jitless: true });
