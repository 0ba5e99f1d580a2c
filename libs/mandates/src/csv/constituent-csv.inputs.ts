import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID } from 'class-validator';

@InputType()
export class ImportConstituentsInput {
  @Field(() => ID)
  @IsUUID()
  delegationId: string;

  @Field({
    description:
      'RFC 4180 CSV text whose header names the columns, in any order: name, email and/or phone, and optionally city, notes, ' +
      'delegate, expires_at. At most 10,000 rows and 4 MiB. ' +
      'delegate is a delegate name or id; expires_at a date (valid through that day, UTC) or a date-time with a zone.',
  })
  @IsString()
  csv: string;
}
