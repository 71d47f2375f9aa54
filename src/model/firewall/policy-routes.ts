import { AddressSet } from '../address-set.js';
import type { Flow, PolicyRouteConfig } from './types.js';

const servicePorts: Record<string, number | undefined> = { smtp: 25, submission: 587, smtps: 465 };

/** A policy route compiled for fast matching. */
interface CompiledRoute {
  readonly config: PolicyRouteConfig;
  readonly source: AddressSet | undefined;
  readonly destination: AddressSet | undefined;
  readonly port: number | undefined;
}

/** The ordered policy routes; `match` returns the first that matches a flow. */
export class PolicyRoutes {
  private readonly routes: readonly CompiledRoute[];

  constructor(configs: readonly PolicyRouteConfig[]) {
    this.routes = configs.map((config) => ({
      config,
      source: config.source ? new AddressSet(config.source) : undefined,
      destination: config.destination ? new AddressSet(config.destination) : undefined,
      port: portOf(config.service),
    }));
  }

  /** The first route whose source, destination and service all match, or undefined. */
  match(flow: Flow): PolicyRouteConfig | undefined {
    for (const route of this.routes) {
      if (route.port !== undefined && route.port !== flow.port) continue;
      if (route.source && !route.source.has(flow.sourceAddress)) continue;
      if (route.destination && !route.destination.has(flow.destinationAddress)) continue;
      return route.config;
    }
    return undefined;
  }
}

/** The TCP port a service names, or undefined for `any`. */
export function portOf(service: string): number | undefined {
  if (service === 'any') return undefined;
  const named = servicePorts[service];
  if (named !== undefined) return named;
  const match = /^tcp\/(\d+)$/.exec(service);
  return match ? Number(match[1]) : undefined;
}
