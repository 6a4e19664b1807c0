// Modules as fixture-server.mjs answers them, as Yike's /api/modules does (docs/modules.md), for the
// console's modules page:
//   GET /api/modules                  installed (bsn, version, state, source, signer, previousVersion), available
//                                     (the newest of each bundle in the repository, with the version installed),
//                                     updates (the offered that are newer than the installed)
//   POST /api/modules {bsn, version?}  201 the module, installed or updated (the newest when no version); 409 in
//                                     Yike's words for one whose requirement nothing provides, one installed already
//   DELETE /api/modules/{bsn}         uninstalls; 409 for one that came with the runtime
//   POST /api/modules/{bsn}/rollback  back to the version before; 409 when there is none
// Only admins (403 otherwise).
const INDEX = 'https://modules.yike.example/index.xml';
const SIGNER = 'CN=Yike Modules, O=Yike';

const installed = [
  { bsn: 'org.yike.driver.hikvision', version: '1.2.0', state: 'ACTIVE', source: '(came with the runtime)', signer: SIGNER, previousVersion: null, shipped: true },
  { bsn: 'org.yike.driver.onvif', version: '1.0.0', state: 'ACTIVE', source: INDEX, signer: SIGNER, previousVersion: null },
  { bsn: 'org.acme.ptz.visca', version: '0.9.1', state: 'RESOLVED', source: 'drop folder: org.acme.ptz.visca-0.9.1.jar', signer: null, previousVersion: null },
];
// the newest each bundle the repository offers; requires: what it needs that nothing here provides
const offered = [
  { bsn: 'org.yike.driver.hikvision', version: '1.3.0' },
  { bsn: 'org.yike.driver.onvif', version: '1.0.0' },
  { bsn: 'org.yike.connector.cloudclass', version: '2.1.0' },
  { bsn: 'org.yike.encoder.ascend', version: '1.0.0',
    requires: "osgi.wiring.package (&(osgi.wiring.package=com.huawei.acl)(version>=5.0.0))" },
];

const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const shown = ({ shipped: _shipped, previousJar: _previousJar, ...m }) => m;
const offers = () => offered.map(({ bsn, version }) => ({ bsn, version, repository: INDEX,
  installedVersion: installed.find((m) => m.bsn === bsn)?.version ?? null }));
const newer = (a, b) => a.split('.').map(Number).reduce((c, n, i) => c || n - Number(b.split('.')[i] ?? 0), 0) > 0;

function install(body) {
  if (!body?.bsn) return [400, { error: "'bsn' names the module to install" }];
  const offer = offered.find((o) => o.bsn === body.bsn && (!body.version || o.version === body.version));
  if (!offer) return [404, { error: `${body.bsn}${body.version ? ` ${body.version}` : ''} is not offered by ${INDEX}` }];
  if (offer.requires) {
    return [409, { error: `cannot install ${offer.bsn} ${offer.version}: nothing installed or offered provides ${offer.requires}` }];
  }
  const here = installed.find((m) => m.bsn === offer.bsn);
  if (here?.version === offer.version) return [409, { error: `${offer.bsn} ${offer.version} is already installed` }];
  if (here) Object.assign(here, { previousVersion: here.version, version: offer.version, source: INDEX, state: 'ACTIVE' });
  else installed.push({ bsn: offer.bsn, version: offer.version, state: 'ACTIVE', source: INDEX, signer: SIGNER, previousVersion: null });
  return [201, shown(installed.find((m) => m.bsn === offer.bsn))];
}

async function bodyOf(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Answers a /api/modules call for the logged-in user; false for any other path. */
export async function modulesApi(req, res, path, user) {
  if (!/^\/api\/modules(\/|$)/.test(path)) return false;
  if (!['district-admin', 'school-admin'].includes(user.role)) {
    json(res, 403, { error: 'only administrators manage modules' });
    return true;
  }
  const one = path.match(/^\/api\/modules\/([^/]+)(\/rollback)?$/);
  const module = one && installed.find((m) => m.bsn === one[1]);
  if (path === '/api/modules' && req.method === 'GET') {
    json(res, 200, { installed: installed.map(shown), available: offers(),
      updates: offers().filter((o) => o.installedVersion && newer(o.version, o.installedVersion)) });
  } else if (path === '/api/modules' && req.method === 'POST') json(res, ...install(await bodyOf(req)));
  else if (one && !module) json(res, 404, { error: `no module ${one[1]}; modules: [${installed.map((m) => m.bsn).join(', ')}]` });
  else if (one && !one[2] && req.method === 'DELETE') {
    if (module.shipped) json(res, 409, { error: `${module.bsn} came with the runtime and cannot be uninstalled; roll it back to ${module.previousVersion} instead` });
    else {
      installed.splice(installed.indexOf(module), 1);
      json(res, 200, { ...shown(module), state: 'UNINSTALLED', previousVersion: null });
    }
  } else if (one?.[2] && req.method === 'POST') {
    if (!module.previousVersion) json(res, 409, { error: `${module.bsn} has no earlier version here to return to` });
    else {
      Object.assign(module, { version: module.previousVersion, previousVersion: module.version });
      json(res, 200, shown(module));
    }
  } else json(res, 405, { error: `${req.method} ${path} is not allowed` });
  return true;
}
