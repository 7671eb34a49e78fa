import { z } from 'zod'

/**
 * Named accounts and the desk session (docs/adr/0020). Three roles, least privilege: the clerk registers and
 * reads cards, IT runs the machine, the officer answers for the data (reports, exports, requests, audit).
 */
export const roles = ['clerk', 'it', 'officer'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{1,31}$/, 'username: 2–32 of a-z 0-9 . _ -, starting with a letter')
export const MIN_PASSWORD = 10
/** Admin accounts without a second factor need 14 (TCVN 14423). */
export const MIN_ADMIN_PASSWORD = 14
export const passwordSchema = z.string().min(MIN_PASSWORD).max(200)
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'PIN: 4–8 digits')
export const staffIdNumberSchema = z.string().regex(/^\d{12}$/, 'CCCD: 12 digits')

export const sessionUserSchema = z.object({
  username: z.string(),
  fullName: z.string(),
  role: roleSchema
})
export type SessionUser = z.infer<typeof sessionUserSchema>

/** What the screen needs to decide between first run, sign-in, lock and the app. */
export const authStateSchema = z.object({
  /** No account exists yet: the screen asks for the first IT account. */
  firstRun: z.boolean(),
  user: sessionUserSchema.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number(),
  /** The calls this user may make (the screen hides what it cannot use; the core refuses it anyway). */
  allowed: z.array(z.string())
})
export type AuthState = z.infer<typeof authStateSchema>

export const authCalls = {
  'auth:state': { input: z.object({}), output: authStateSchema },
  'auth:setup': {
    input: z.object({
      username: usernameSchema,
      fullName: z.string().trim().min(2).max(100),
      idNumber: staffIdNumberSchema,
      password: z.string().min(MIN_ADMIN_PASSWORD).max(200),
      pin: pinSchema
    }),
    output: authStateSchema
  },
  'auth:signIn': {
    input: z.object({
      username: z.string().trim().toLowerCase().min(1).max(32),
      password: z.string().max(200)
    }),
    output: authStateSchema
  },
  /** The idle lock: the same user's PIN or password. */
  'auth:unlock': { input: z.object({ secret: z.string().min(1).max(200) }), output: authStateSchema },
  'auth:lock': { input: z.object({}), output: authStateSchema },
  'auth:signOut': { input: z.object({}), output: authStateSchema }
} as const
export type AuthCallName = keyof typeof authCalls
export const authCallNames = Object.keys(authCalls) as AuthCallName[]
export function isAuthCall(name: string): name is AuthCallName {
  return Object.prototype.hasOwnProperty.call(authCalls, name)
}
