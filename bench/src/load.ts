/**
 * One autocannon run (programmatic): a warm-up, then the measured run. Every response body is
 * checked for a GraphQL `errors` member (a 200 with errors counts as an error), and rotated
 * queries get a fresh body/token per request through setupRequest.
 */
import autocannon from 'autocannon';
import type { Call } from './queries';

export interface Measurement {
  query: string;
  server: string;
  connections: number;
  round: number;
  durationS: number;
  requests: number;
  rps: number;
  latency: { p50: number; p90: number; p99: number; mean: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 2xx answers whose body carried GraphQL `errors`. */
  bodyErrors: number;
  /** The first error body seen, for the report. */
  firstError?: string;
  /** How long the database stayed busy after the run (abandoned requests still running). */
  settleMs?: number;
}

export interface LoadTarget {
  url: string;
  /** The call for the i-th request (rotated queries change it every time). */
  call: (i: number) => Call;
  rotated: boolean;
}

/** A counter shared by every run of a query, so that rotation never restarts (member check quotas). */
export class Rotation {
  private i = 0;
  next(): number {
    return this.i++;
  }
  get used(): number {
    return this.i;
  }
}

async function once(target: LoadTarget, connections: number, durationS: number, rotation: Rotation) {
  let bodyErrors = 0;
  let firstError: string | undefined;
  const first = target.call(rotation.used);
  const request: autocannon.Request = {
    method: 'POST',
    path: new URL(target.url).pathname,
    headers: first.headers,
    body: first.body,
    onResponse: (status: number, body: string) => {
      if (status >= 200 && status < 300 && body.includes('"errors"')) {
        bodyErrors++;
        firstError ??= body.slice(0, 500);
      } else if ((status < 200 || status >= 300) && !firstError) {
        firstError = `HTTP ${status}: ${body.slice(0, 500)}`;
      }
    },
  };
  if (target.rotated) {
    request.setupRequest = (req: autocannon.Request) => {
      const call = target.call(rotation.next());
      return { ...req, body: call.body, headers: call.headers };
    };
  }
  const result = await autocannon({
    url: target.url,
    connections,
    duration: durationS,
    pipelining: 1,
    timeout: 30,
    requests: [request],
  });
  return { result, bodyErrors, firstError };
}

export async function measure(
  target: LoadTarget,
  opts: {
    query: string;
    server: string;
    connections: number;
    round: number;
    warmupS: number;
    durationS: number;
    rotation: Rotation;
    /** Waits until the database has finished the work of requests abandoned at the end of a run. */
    settle: () => Promise<unknown>;
  },
): Promise<Measurement> {
  if (opts.warmupS > 0) {
    await once(target, opts.connections, opts.warmupS, opts.rotation);
    await opts.settle();
  }
  const { result, bodyErrors, firstError } = await once(target, opts.connections, opts.durationS, opts.rotation);
  // autocannon stops sending at the end of the run, but a slow server is still working on what
  // it had received: let it finish before the next run, so that it does not slow that one down.
  const settleMs = await opts.settle();
  const l = result.latency;
  return {
    query: opts.query,
    server: opts.server,
    connections: opts.connections,
    round: opts.round,
    durationS: opts.durationS,
    requests: result.requests.total,
    rps: result.requests.total / opts.durationS,
    // No answer within the run: no latency to report (NaN, not 0).
    latency: result.requests.total > 0 ? { p50: l.p50, p90: l.p90, p99: l.p99, mean: l.mean, max: l.max } : { p50: NaN, p90: NaN, p99: NaN, mean: NaN, max: NaN },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bodyErrors,
    firstError,
    settleMs: typeof settleMs === 'number' ? settleMs : undefined,
  };
}
