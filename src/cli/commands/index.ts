import type { CliIo } from '../io';

/** What a command module gives the dispatcher once loaded. */
export interface LoadedCommand {
  readonly run: (args: string[], io: CliIo) => Promise<number>;
  /** The command's full usage text (`notifier COMMAND --help`). */
  readonly usage: string;
}

/** One `notifier` command: its one-line synopsis for the overview, and how to load it. */
export interface CommandEntry {
  readonly name: string;
  /** Arguments after the name, as the overview shows them. */
  readonly synopsis: string;
  readonly about: string;
  /**
   * Loads the command's module. Commands load lazily so `notifier --help` and `render` never pay for
   * another command's imports (the AWS SDK for doctor, the HTTP server for preview).
   */
  readonly load: () => Promise<LoadedCommand>;
}

/** Every command, in the order `notifier help` lists them. */
export const commandEntries: readonly CommandEntry[] = [
  {
    name: 'render',
    synopsis: '[options] FILE|EXAMPLE|-',
    about: 'show what one event would publish (email, Slack, SNS)',
    load: async () => {
      const m = await import('./render');
      return { run: m.renderCommand, usage: m.renderUsage };
    },
  },
  {
    name: 'replay',
    synopsis: '[options] [DIR]',
    about: 'replay the bundled example events (what npm start runs)',
    load: async () => {
      const m = await import('./replay');
      return { run: m.replayCommand, usage: m.replayUsage };
    },
  },
  {
    name: 'preview',
    synopsis: '[--port N] [options]',
    about: 'serve a page on 127.0.0.1 showing each example as email and as Slack would show it',
    load: async () => {
      const m = await import('./preview');
      return { run: (args, io) => m.previewCommand(args, io), usage: m.previewUsage };
    },
  },
  {
    name: 'send',
    synopsis: '--webhook-url URL [options] FILE|EXAMPLE',
    about: 'post one real rendering of an event to your own Slack incoming webhook',
    load: async () => {
      const m = await import('./send');
      return { run: (args, io) => m.sendCommand(args, io), usage: m.sendUsage };
    },
  },
  {
    name: 'rules',
    synopsis: '[options]',
    about: 'list the API-call rules in effect (built-in plus your file)',
    load: async () => {
      const m = await import('./rules');
      return { run: m.rulesCommand, usage: m.rulesUsage };
    },
  },
  {
    name: 'routes',
    synopsis: '--check FILE',
    about: 'check a routing file (destinations, routes, silences)',
    load: async () => {
      const m = await import('./routes');
      return { run: m.routesCommand, usage: m.routesUsage };
    },
  },
  {
    name: 'silence',
    synopsis: 'add|list|remove [options]',
    about: 'mute matching notifications for a while, e.g. a maintenance (needs AWS credentials)',
    load: async () => {
      const m = await import('./silence');
      return { run: (args, io) => m.silenceCommand(args, io), usage: m.silenceUsage };
    },
  },
  {
    name: 'doctor',
    synopsis: '[--region R]',
    about: 'check that CloudTrail can feed API-call alerts (needs AWS credentials)',
    load: async () => {
      const m = await import('./doctor');
      return { run: (args, io) => m.doctorCommand(args, io), usage: m.doctorUsage };
    },
  },
  {
    name: 'digest',
    synopsis: '--data FILE [options]',
    about: 'render the cost digest (of a --period) from recorded AWS responses',
    load: async () => {
      const m = await import('./digest');
      return { run: m.digestCommand, usage: m.digestUsage };
    },
  },
  {
    name: 'redrive',
    synopsis: '--queue NAME [options]',
    about: 'put dead-letter queue messages back once the cause is fixed (needs AWS credentials)',
    load: async () => {
      const m = await import('./redrive');
      return { run: (args, io) => m.redriveCommand(args, io), usage: m.redriveUsage };
    },
  },
];
