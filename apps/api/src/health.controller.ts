import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { Response } from 'express';
import { Public } from '@gc/common';
import { Db } from '@gc/db';

@Controller('health')
export class HealthController {
  constructor(private readonly db: Db) {}

  @Public()
  @Get()
  @HttpCode(200)
  async health(@Res({ passthrough: true }) response: Response): Promise<{ status: string; database: string }> {
    try {
      await this.db.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      response.status(503);
      return { status: 'degraded', database: 'down' };
    }
  }
}
