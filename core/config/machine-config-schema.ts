import { z } from 'zod'
import { configKeys, isConfigKey } from '../sync/config/keys'

/**
 * The machine-wide config file IT deploys (%ProgramData%\reception-desk\config.json): the same keys as
 * `reception config set`, nested by their dots ({"his": {"url": …}}) or flat ({"his.url": …}), nothing else.
 * Secrets may stand in it as plain text (the file is admin-only). docs/machine-config.schema.json is generated
 * from this (a test keeps it in step), for editors and deployment tools.
 */
export const MACHINE_CONFIG_SCHEMA_ID = 'https://reception-desk.invalid/machine-config.schema.json'

type Tree = { [part: string]: Tree | z.ZodType }

function keyTree(): Tree {
  const root: Tree = {}
  for (const [key, def] of Object.entries(configKeys)) {
    const parts = key.split('.')
    let node = root
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Tree
    node[parts.at(-1)!] = def.check
  }
  return root
}

function objectOf(tree: Tree): z.ZodType {
  const shape: Record<string, z.ZodType> = {}
  for (const [k, v] of Object.entries(tree)) shape[k] = (v instanceof z.ZodType ? v : objectOf(v)).optional()
  return z.strictObject(shape)
}

/** The nested form, the one the README documents and the JSON Schema describes. */
export const machineConfigSchema = objectOf(keyTree())

/** JSON Schema (draft 2020-12) of the nested form. */
export function machineConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(machineConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  return {
    ...schema,
    $id: MACHINE_CONFIG_SCHEMA_ID,
    title: 'Tiếp đón CCCD — machine-wide config (%ProgramData%\\reception-desk\\config.json)',
    description:
      'Settings facility IT deploys to every desk; they win over what a desk sets with `reception config set`.'
  }
}

export interface MachineConfigProblem {
  key: string
  message: string
}

/** Flat keys of a nested or flat file; a non-object at a place that is not a key is kept for the error. */
export function flattenMachineConfig(value: unknown, prefix = '', out: Record<string, unknown> = {}) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k
      if (isConfigKey(key) || !(v && typeof v === 'object' && !Array.isArray(v))) out[key] = v
      else flattenMachineConfig(v, key, out)
    }
  } else if (prefix === '') out[''] = value
  return out
}

/** Every problem of a parsed machine file: unknown keys and values that do not fit their key. */
export function machineConfigProblems(parsed: unknown): MachineConfigProblem[] {
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return [{ key: '(file)', message: 'must be a JSON object' }]
  }
  const problems: MachineConfigProblem[] = []
  for (const [key, value] of Object.entries(flattenMachineConfig(parsed))) {
    if (!isConfigKey(key)) {
      problems.push({ key, message: 'unknown key' })
      continue
    }
    if (value === null) continue
    const checked = configKeys[key]!.check.safeParse(value)
    if (!checked.success)
      problems.push({ key, message: checked.error.issues.map((i) => i.message).join('; ') })
  }
  return problems
}
