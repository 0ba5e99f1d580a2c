import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { Db, DIRECT_DATABASE_URL } from './db';

@Global()
@Module({})
export class DbModule {
  /** `directUrl` reaches the same database without a pooler in between (see Db.directUrl). */
  static forRoot(options: DataSourceOptions, directUrl: string): DynamicModule {
    return {
      module: DbModule,
      imports: [TypeOrmModule.forRoot({ ...options, autoLoadEntities: false })],
      providers: [Db, { provide: DIRECT_DATABASE_URL, useValue: directUrl }],
      exports: [Db],
    };
  }
}
