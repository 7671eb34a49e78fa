// electron-builder msiProjectCreated hook: adds the install properties facility IT passes on the msiexec line
// (HIS_URL, FACILITY_CODE, BHXH_URL) and a deferred, elevated custom action that writes them into the
// machine-wide config through the installed app's own CLI:
//   msiexec /i reception-desk-0.1.0-x64.msi /qn HIS_URL=https://his.example/fhir FACILITY_CODE=22001
// `mainExecutable` is the File Id electron-builder's WiX template gives the app's exe.
'use strict'
const { readFile, writeFile } = require('node:fs/promises')

const PROPERTIES = ['HIS_URL', 'FACILITY_CODE', 'BHXH_URL']

function machineConfigFragment() {
  const props = PROPERTIES.map((p) => `    <Property Id="${p}" Secure="yes"/>`).join('\n')
  const command =
    '--cli config write-machine --his-url &quot;[HIS_URL]&quot; --facility-code &quot;[FACILITY_CODE]&quot; --bhxh-url &quot;[BHXH_URL]&quot;'
  return `
    <!-- reception-desk: machine-wide config from install properties (build/msi-project-created.cjs) -->
${props}
    <CustomAction Id="WriteMachineConfig" FileKey="mainExecutable" ExeCommand="${command}" Execute="deferred" Impersonate="no" Return="check"/>
    <InstallExecuteSequence>
      <Custom Action="WriteMachineConfig" Before="InstallFinalize">NOT REMOVE AND (HIS_URL OR FACILITY_CODE OR BHXH_URL)</Custom>
    </InstallExecuteSequence>
`
}

/** The .wxs with the fragment before </Product>; refuses a template it does not recognise. */
function addMachineConfig(wxs) {
  if (!wxs.includes('Id="mainExecutable"') || !wxs.includes('</Product>')) {
    throw new Error('msi-project-created: unexpected WiX project (no mainExecutable file or no </Product>)')
  }
  if (wxs.includes('Id="WriteMachineConfig"')) return wxs
  return wxs.replace('</Product>', `${machineConfigFragment()}  </Product>`)
}

module.exports = async function msiProjectCreated(projectFile) {
  await writeFile(projectFile, addMachineConfig(await readFile(projectFile, 'utf8')))
}
module.exports.addMachineConfig = addMachineConfig
module.exports.PROPERTIES = PROPERTIES
