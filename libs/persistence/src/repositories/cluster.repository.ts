import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClusterRepository, DirectoryCluster, DomainError } from '@app/core';
import { DataSource } from 'typeorm';
import { ClusterEntity } from '../entities';
import { foreignKeyViolation, uniqueViolation } from '../errors';
import { Mappers } from '../mappers';

@Injectable()
export class TypeOrmClusterRepository extends ClusterRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async list(): Promise<DirectoryCluster[]> {
    const entities = await this.db.getRepository(ClusterEntity).find({ order: { id: 'ASC' } });
    return entities.map(Mappers.cluster);
  }

  async get(id: string): Promise<DirectoryCluster | null> {
    const entity = await this.db.getRepository(ClusterEntity).findOneBy({ id });
    return entity ? Mappers.cluster(entity) : null;
  }

  async findByName(name: string): Promise<DirectoryCluster | null> {
    const entity = await this.db
      .getRepository(ClusterEntity)
      .createQueryBuilder('c')
      .where('lower(c.name) = lower(:name)', { name })
      .orderBy('c.id')
      .getOne();
    return entity ? Mappers.cluster(entity) : null;
  }

  async create(cluster: DirectoryCluster): Promise<DirectoryCluster> {
    try {
      await this.db.getRepository(ClusterEntity).insert(cluster);
    } catch (error) {
      if (uniqueViolation(error) !== undefined) {
        throw new DomainError(
          'CLUSTER_EXISTS',
          `A cluster with the id ${JSON.stringify(cluster.id)} already exists.`,
        );
      }
      throw error;
    }
    return (await this.get(cluster.id)) as DirectoryCluster;
  }

  async update(cluster: DirectoryCluster): Promise<DirectoryCluster> {
    const { id, ...fields } = cluster;
    await this.db.getRepository(ClusterEntity).update({ id }, fields);
    return (await this.get(id)) as DirectoryCluster;
  }

  async delete(id: string): Promise<void> {
    try {
      await this.db.getRepository(ClusterEntity).delete({ id });
    } catch (error) {
      if (foreignKeyViolation(error) !== undefined) {
        throw new DomainError(
          'CLUSTER_IN_USE',
          `Cluster ${JSON.stringify(id)} takes part in an event; remove it from the event first.`,
        );
      }
      throw error;
    }
  }
}
