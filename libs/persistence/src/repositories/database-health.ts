import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DatabaseHealth } from '@app/core';
import { DataSource } from 'typeorm';

@Injectable()
export class TypeOrmDatabaseHealth extends DatabaseHealth {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async check(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
