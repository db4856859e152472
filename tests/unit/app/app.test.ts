/**
 * The start screen's channels (electron/api/app.ts) over a real session and real files: create a
 * register where the leder wants it, open one, open the demo, and what happens when that fails.
 * The native dialogs are the one stubbed boundary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invokeWithoutRegister, registerToOpenAtStart } from '../../../electron/api/app';
import { invoke } from '../../../electron/api/handlers';
import { setHost } from '../../../electron/api/host';
import { contract, type Output } from '../../../shared/api';
import { standInHost } from '../helpers/host';
import { tempSession } from '../safety/helpers';

type Answers = { open: string | null; save: string | null; savedWithName: string[] };

function appHost() {
  const t = tempSession();
  const dataFolder = path.join(t.dir, 'brukerdata');
  const answers: Answers = { open: null, save: null, savedWithName: [] };
  const host = standInHost({
    session: t.session,
    version: '9.8.7',
    runtime: 'Node (test)',
    paths: {
      dataFolder,
      settingsFile: t.configFile,
      defaultRegisterPath: path.join(dataFolder, 'kullregister.sqlite'),
      demoFolder: path.resolve('resources/demo'),
    },
    chooseOpenPaths: () => (answers.open === null ? null : [answers.open]),
    chooseSavePath: ({ defaultName }) => {
      answers.savedWithName.push(defaultName);
      return answers.save;
    },
  });
  setHost(host);
  return { ...t, host, answers, dataFolder };
}

afterEach(() => setHost(null));

/** Calls a channel as the first-run transport does, and checks the answer against the contract. */
async function send<C extends keyof typeof contract>(channel: C, input: unknown): Promise<Output<C>> {
  const result = await invokeWithoutRegister(channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  expect(contract[channel].result.safeParse(result.value).success).toBe(true);
  return result.value as Output<C>;
}

async function refusal(channel: string, input: unknown) {
  const result = await invokeWithoutRegister(channel, input);
  if (result.ok) throw new Error(`${channel} was expected to be refused`);
  return result.error;
}

const SYKKELVERT = {
  tiltak: 'Sykkelvert',
  avdeling: 'Etat for sykehjem',
  kontaktperson: 'Line Berg',
  opptak: 'kull',
  plassering: 'standard',
} as const;

describe('the first run', () => {
  it('has no register and no recent ones, and offers the app folder for a new register', async () => {
    const { dataFolder } = appHost();
    expect(await send('app:state', {})).toEqual({
      hasRegister: false,
      register: null,
      recent: [],
      defaultFolder: dataFolder,
    });
  });

  it('refuses every register channel until a register is open, in Norwegian', async () => {
    appHost();
    const error = await refusal('deltaker:list', { kull: 'alle' });
    expect(error.code).toBe('not_open');
    expect(error.message).toMatch(/Ingen register er åpent/);
  });

  it('creates the register in the app folder with the tiltak for the report header', async () => {
    const { host, session } = appHost();
    const { opened, state } = await send('register:create', SYKKELVERT);
    expect(opened).toBe(true);
    expect(state.register?.path).toBe(host.paths.defaultRegisterPath);
    expect(fs.existsSync(host.paths.defaultRegisterPath)).toBe(true);
    const reg = session.register;
    if (!reg) throw new Error('no register');
    const settings = invoke(reg, 'settings:get', {});
    expect(settings.ok && settings.value).toMatchObject({
      tiltak: 'Sykkelvert',
      avdeling: 'Etat for sykehjem',
      kontaktperson: 'Line Berg',
      opptak: 'kull',
    });
    expect(state.recent.map((r) => r.path)).toEqual([host.paths.defaultRegisterPath]);
  });

  it('a Mat & prat register is created for continuous intake', async () => {
    const { session } = appHost();
    await send('register:create', { ...SYKKELVERT, tiltak: 'Mat & prat', opptak: 'lopende' });
    const settings = invoke(session.register!, 'settings:get', {});
    expect(settings.ok && settings.value.opptak).toBe('lopende');
  });

  it('never overwrites a register: a second one in the app folder gets a name of its own', async () => {
    const { host } = appHost();
    await send('register:create', SYKKELVERT);
    const { state } = await send('register:create', { ...SYKKELVERT, tiltak: 'Mat & prat' });
    expect(state.register?.name).toBe('kullregister-2.sqlite');
    expect(state.recent.map((r) => r.name)).toEqual(['kullregister-2.sqlite', 'kullregister.sqlite']);
    expect(fs.existsSync(host.paths.defaultRegisterPath)).toBe(true);
  });

  it('asks where to save when the leder chooses the place, suggesting the tiltak as the file name', async () => {
    const { answers, dir } = appHost();
    answers.save = path.join(dir, 'felles', 'Mat og prat.sqlite');
    fs.mkdirSync(path.dirname(answers.save), { recursive: true });
    const { opened, state } = await send('register:create', {
      ...SYKKELVERT,
      tiltak: 'Mat & prat: Engen/kantina',
      plassering: 'velg',
    });
    expect(answers.savedWithName).toEqual(['Mat & prat Engen kantina.sqlite']);
    expect(opened).toBe(true);
    expect(state.register?.path).toBe(answers.save);
  });

  it('a cancelled save dialog changes nothing', async () => {
    const { answers, host } = appHost();
    answers.save = null;
    const { opened, state } = await send('register:create', { ...SYKKELVERT, plassering: 'velg' });
    expect(opened).toBe(false);
    expect(state.hasRegister).toBe(false);
    expect(fs.existsSync(host.paths.defaultRegisterPath)).toBe(false);
  });

  it('refuses to put a new register over an existing file, and the open register stays open', async () => {
    const { answers, host, session } = appHost();
    await send('register:create', SYKKELVERT);
    answers.save = host.paths.defaultRegisterPath;
    const error = await refusal('register:create', { ...SYKKELVERT, tiltak: 'Annet', plassering: 'velg' });
    expect(error.code).toBe('exists');
    expect(error.message).toMatch(/finnes allerede en fil som heter «kullregister\.sqlite»/);
    expect(session.register?.path).toBe(host.paths.defaultRegisterPath);
    const settings = invoke(session.register!, 'settings:get', {});
    expect(settings.ok && settings.value.tiltak).toBe('Sykkelvert');
  });

  it('a tiltak name is required, and the refusal says what to do', async () => {
    appHost();
    const error = await refusal('register:create', { ...SYKKELVERT, tiltak: '   ' });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'tiltak', message: 'Skriv navnet på tiltaket.' });
  });
});

describe('opening a register', () => {
  it('opens the file picked in the open dialog and remembers it', async () => {
    const { answers, host, session } = appHost();
    await send('register:create', SYKKELVERT);
    session.close();
    answers.open = host.paths.defaultRegisterPath;
    const { opened, state } = await send('register:open', {});
    expect(opened).toBe(true);
    expect(state.register?.path).toBe(host.paths.defaultRegisterPath);
  });

  it('a file that is not a register is refused, and the register that was open is opened again', async () => {
    const { answers, host, session, dir } = appHost();
    await send('register:create', SYKKELVERT);
    const notes = path.join(dir, 'notater.sqlite');
    fs.writeFileSync(notes, 'Dette er ikke et register.\n'.repeat(50));
    answers.open = notes;
    const result = await invokeWithoutRegister('register:open', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).not.toMatch(/SQLITE|Error:/);
    expect(session.register?.path).toBe(host.paths.defaultRegisterPath);
  });

  it('opens a recently used register, but only one the app itself listed', async () => {
    const { host, session, dir } = appHost();
    await send('register:create', SYKKELVERT);
    await send('register:create', { ...SYKKELVERT, tiltak: 'Mat & prat' });
    const { opened, state } = await send('register:openRecent', { path: host.paths.defaultRegisterPath });
    expect(opened).toBe(true);
    expect(state.register?.path).toBe(host.paths.defaultRegisterPath);

    const elsewhere = path.join(dir, 'data', 'register.sqlite');
    const error = await refusal('register:openRecent', { path: elsewhere });
    expect(error.code).toBe('not_recent');
    expect(fs.existsSync(elsewhere)).toBe(false);
    expect(session.register?.path).toBe(host.paths.defaultRegisterPath);
  });

  it('with a register open, the app channels go through the ordinary wrapper too', async () => {
    const { session } = appHost();
    await send('register:create', SYKKELVERT);
    const result = invoke(session.register!, 'app:state', {});
    expect(result.ok && result.value.hasRegister).toBe(true);
  });
});

describe('when the app starts', () => {
  it('opens nothing on the first run: the start screen shows', () => {
    const { host, session } = appHost();
    expect(registerToOpenAtStart(session, host.paths.defaultRegisterPath)).toBeNull();
  });

  it('opens the register used last', async () => {
    const { host, session, answers, dir } = appHost();
    await send('register:create', SYKKELVERT);
    answers.save = path.join(dir, 'felles', 'matogprat.sqlite');
    fs.mkdirSync(path.dirname(answers.save), { recursive: true });
    await send('register:create', { ...SYKKELVERT, tiltak: 'Mat & prat', plassering: 'velg' });
    session.close();
    expect(registerToOpenAtStart(session, host.paths.defaultRegisterPath)).toBe(answers.save);
  });

  it('opens the default file of an earlier version when nothing was used since', async () => {
    const { host, session, configFile } = appHost();
    await send('register:create', SYKKELVERT);
    session.close();
    fs.rmSync(configFile);
    expect(registerToOpenAtStart(session, host.paths.defaultRegisterPath)).toBe(host.paths.defaultRegisterPath);
  });
});

describe('the demo register', () => {
  it('is built from resources/demo with the same import as npm run demo, and reopened as it is later', async () => {
    const { session, dataFolder } = appHost();
    const { opened, state } = await send('register:openDemo', {});
    expect(opened).toBe(true);
    expect(state.register?.path).toBe(path.join(dataFolder, 'Demo', 'kullregister-demo.sqlite'));
    const reg = session.register!;
    const kull = invoke(reg, 'kull:list', {});
    const deltakere = invoke(reg, 'deltaker:list', { kull: 'alle' });
    expect(kull.ok && kull.value.length).toBe(13);
    expect(deltakere.ok && deltakere.value.length).toBe(238);
    const settings = invoke(reg, 'settings:get', {});
    expect(settings.ok && settings.value.tiltak).toBe('Sykkelvert (demo)');

    // A change in the demo stays: opening it again does not import the files a second time.
    invoke(reg, 'settings:update', { tiltak: 'Sykkelvert (prøver)' });
    session.close();
    await send('register:openDemo', {});
    const again = session.register!;
    const count = invoke(again, 'deltaker:list', { kull: 'alle' });
    expect(count.ok && count.value.length).toBe(238);
    const renamed = invoke(again, 'settings:get', {});
    expect(renamed.ok && renamed.value.tiltak).toBe('Sykkelvert (prøver)');
  });

  it('without the demo files nothing is created, and the message says to reinstall', async () => {
    const { host, dataFolder, session } = appHost();
    setHost({ ...host, paths: { ...host.paths, demoFolder: path.join(dataFolder, 'finnes-ikke') } });
    const error = await refusal('register:openDemo', {});
    expect(error.message).toMatch(/Installer Kullregister på nytt/);
    expect(fs.existsSync(path.join(dataFolder, 'Demo', 'kullregister-demo.sqlite'))).toBe(false);
    expect(session.register).toBeNull();
  });
});

describe('Om Kullregister', () => {
  it('tells the version and where the register, its backups and the app settings are', async () => {
    const { host, backupFolder } = appHost();
    const before = await send('app:about', {});
    expect(before).toMatchObject({ version: '9.8.7', registerPath: null, backupFolder: null });
    await send('register:create', SYKKELVERT);
    const about = await send('app:about', {});
    expect(about).toMatchObject({
      version: '9.8.7',
      registerPath: host.paths.defaultRegisterPath,
      backupFolder,
      settingsFile: host.paths.settingsFile,
      dataFolder: host.paths.dataFolder,
    });
  });
});

it('outside the app (no host: the command line) the app channels refuse in Norwegian', async () => {
  setHost(null);
  const error = await refusal('app:state', {});
  expect(error).toMatchObject({ code: 'no_app', message: 'Dette kan bare gjøres i Kullregister-programmet.' });
});
