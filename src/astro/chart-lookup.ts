/** The figures registry seen through the chart library's lookup interface. */
import { registryLookup } from '../lib/charts/spec.ts';
import { registry } from './figures-registry.ts';

export const chartLookup = registryLookup(registry);
