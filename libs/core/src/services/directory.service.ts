import { Injectable } from '@nestjs/common';
import { isEmail } from '@app/config';
import type { ValidationIssue } from '@app/scheduling';
import { DomainError, validationFailed } from '../domain/errors';
import type { DirectoryCluster } from '../domain/model';
import { slugify, uniqueSlug } from '../domain/slug';
import { clusterFieldIssues } from '../domain/validation';
import { ClusterRepository } from '../ports/repositories';

const FIELDS = ['id', 'name', 'region', 'kind', 'contactEmail'];

/** Reads a cluster as sent (`{id?, name, region?, kind?, contactEmail?}`), with every issue under `path`. */
export function readClusterInput(
  input: unknown,
  path: string,
  options: { idRequired: boolean },
): { cluster?: Omit<DirectoryCluster, 'id'> & { id?: string }; issues: ValidationIssue[] } {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { issues: [{ path: path || '(root)', message: 'expected a cluster object' }] };
  }
  const object = input as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(object))
    if (!FIELDS.includes(key)) issues.push({ path: at(key), message: 'unknown field' });
  const { contactEmail, ...fields } = object;
  if (!options.idRequired && fields.id === undefined && typeof fields.name === 'string') {
    fields.id = slugify(fields.name);
  }
  for (const key of Object.keys(fields)) if (!FIELDS.includes(key)) delete fields[key];
  issues.push(...clusterFieldIssues(fields, path));
  if (contactEmail !== undefined && contactEmail !== null && contactEmail !== '') {
    if (typeof contactEmail !== 'string' || !isEmail(contactEmail.trim())) {
      issues.push({
        path: at('contactEmail'),
        message: `not an email address: ${JSON.stringify(contactEmail)}`,
      });
    }
  }
  if (issues.length > 0) return { issues };
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  return {
    cluster: {
      id: options.idRequired || object.id !== undefined ? (fields.id as string) : undefined,
      name: fields.name as string,
      region: text(fields.region),
      kind: text(fields.kind),
      contactEmail: text(contactEmail),
    },
    issues,
  };
}

/** The cluster directory: clusters registered once, taking part in many events. */
@Injectable()
export class DirectoryService {
  constructor(private readonly clusters: ClusterRepository) {}

  list(): Promise<DirectoryCluster[]> {
    return this.clusters.list();
  }

  async get(id: string): Promise<DirectoryCluster> {
    const cluster = await this.clusters.get(id);
    if (!cluster) throw new DomainError('CLUSTER_NOT_FOUND', `Cluster ${JSON.stringify(id)} not found.`);
    return cluster;
  }

  /** Creates a cluster; without an id, one is made from the name (`Pôle Céramique` → `pole-ceramique`). */
  async create(input: unknown): Promise<DirectoryCluster> {
    const { cluster, issues } = readClusterInput(input, '', { idRequired: false });
    if (!cluster) throw validationFailed(issues);
    let id = cluster.id;
    if (id === undefined) {
      const existing = new Set((await this.clusters.list()).map((c) => c.id));
      id = uniqueSlug(slugify(cluster.name), (candidate) => existing.has(candidate));
    }
    return this.clusters.create({ ...cluster, id });
  }

  /** Changes name, region, kind or contact email (the id never changes). */
  async update(id: string, changes: unknown): Promise<DirectoryCluster> {
    const current = await this.get(id);
    if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
      throw validationFailed([{ path: '(root)', message: 'expected an object' }]);
    }
    const patch = changes as Record<string, unknown>;
    if (patch.id !== undefined && patch.id !== id) {
      throw validationFailed([{ path: 'id', message: 'the id of a cluster cannot change' }]);
    }
    const merged = { ...current, ...patch, id };
    for (const key of ['region', 'kind', 'contactEmail'] as const)
      if (merged[key] === null) delete merged[key];
    const { cluster, issues } = readClusterInput(merged, '', { idRequired: true });
    if (!cluster) throw validationFailed(issues);
    return this.clusters.update({ ...cluster, id });
  }

  async delete(id: string): Promise<void> {
    await this.get(id);
    await this.clusters.delete(id);
  }
}
