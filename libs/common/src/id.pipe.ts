import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Rejects an id argument that cannot name any row, before it reaches the database. */
@Injectable()
export class IdPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (value === undefined || value === null) return value;
    if (!isUuid(value)) throw badInput(metadata.data ?? 'id', `${metadata.data ?? 'id'} is not a valid id`);
    return value.toLowerCase();
  }
}
