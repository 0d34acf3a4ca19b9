import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, Organiser, OrganiserRepository } from '@app/core';
import { DataSource } from 'typeorm';
import { OrganiserEntity } from '../entities';
import { uniqueViolation } from '../errors';
import { Mappers } from '../mappers';

@Injectable()
export class TypeOrmOrganiserRepository extends OrganiserRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  count(): Promise<number> {
    return this.db.getRepository(OrganiserEntity).count();
  }

  async findByEmail(email: string): Promise<(Organiser & { passwordHash: string }) | null> {
    const entity = await this.db.getRepository(OrganiserEntity).findOneBy({ email: email.toLowerCase() });
    return entity ? { ...Mappers.organiser(entity), passwordHash: entity.passwordHash } : null;
  }

  async findById(id: string): Promise<Organiser | null> {
    const entity = await this.db.getRepository(OrganiserEntity).findOneBy({ id });
    return entity ? Mappers.organiser(entity) : null;
  }

  async create(email: string, passwordHash: string): Promise<Organiser> {
    try {
      const entity = await this.db
        .getRepository(OrganiserEntity)
        .save({ email: email.toLowerCase(), passwordHash });
      return Mappers.organiser(entity);
    } catch (error) {
      if (uniqueViolation(error) === 'uq_organiser_email') {
        throw new DomainError('ORGANISER_EXISTS', `An organiser with the email ${email} already exists.`);
      }
      throw error;
    }
  }
}
