import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { Db } from './db';

@Global()
@Module({})
export class DbModule {
  static forRoot(options: DataSourceOptions): DynamicModule {
    return {
      module: DbModule,
      imports: [TypeOrmModule.forRoot({ ...options, autoLoadEntities: false })],
      providers: [Db],
      exports: [Db],
    };
  }
}
