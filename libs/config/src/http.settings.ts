import { Setting, WholeNumber } from './setting';

const SECTION = 'HTTP';

/** The API's HTTP edge. */
export class HttpSettings {
  @Setting(SECTION, { apps: ['api'], default: '3000', description: 'HTTP port, 0–65535.' })
  @WholeNumber(0, 65_535)
  readonly PORT!: number;

  @Setting(SECTION, { apps: ['api'], default: '0.0.0.0', description: 'Interface the HTTP server binds.' })
  readonly HOST!: string;

  @Setting(SECTION, {
    apps: ['api'],
    default: '1048576',
    description: 'Largest request body, 1024–104857600; larger bodies get 413.',
  })
  @WholeNumber(1_024, 104_857_600)
  readonly BODY_LIMIT_BYTES!: number;

  @Setting(SECTION, {
    apps: ['api'],
    default: '5000',
    description: 'Longest a query waits for `minPosition` (read-your-writes) before answering 503, 0–120000.',
  })
  @WholeNumber(0, 120_000)
  readonly MIN_POSITION_WAIT_MS!: number;

  @Setting(SECTION, {
    apps: ['api'],
    default: '5',
    description:
      'Milliseconds of request work one turn of the event loop takes before further requests wait for the next turn, so timers and health checks run between, 0–1000; 0 handles every ready request at once.',
  })
  @WholeNumber(0, 1_000)
  readonly TURN_BUDGET_MS!: number;

  @Setting(SECTION, {
    apps: ['api'],
    default: 'dist/console',
    description:
      'The built web console served at `/` (`npm run build:console`, run by `npm start`), relative to the working directory; without it `/` answers 404.',
  })
  readonly CONSOLE_DIR!: string;
}
