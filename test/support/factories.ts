import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventFile } from '@app/scheduling';
import { makeEvent, makeSettings, toJsonDocument, type EventOverrides } from '@app/scheduling/testing';

/** A sample event file of examples/ as a fresh JSON document. */
export function sampleEvent(name: 'clermont' | 'lyon'): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(__dirname, '../../examples', `${name}-2015.event.json`), 'utf8'),
  ) as Record<string, unknown>;
}

/** Event settings as POST /api/events takes them. */
export function settingsBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...toJsonDocument(makeSettings()), ...overrides };
}

/** A small valid event file as a JSON document. */
export function eventDocument(overrides: EventOverrides = {}): Record<string, unknown> {
  return toJsonDocument<EventFile>(makeEvent(overrides));
}

/** A cluster as POST /api/clusters takes it. */
export function clusterBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Pôle Céramique',
    region: 'Limousin',
    kind: 'pôle de compétitivité',
    contactEmail: 'contact@ceramique.example.org',
    ...overrides,
  };
}
