import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ConstituentImport', { description: 'What an import wrote: every row of the file, or (on CSV_INVALID) nothing.' })
export class ConstituentImportModel {
  @Field(() => Int)
  constituentsImported: number;

  @Field(() => Int)
  mandatesIssued: number;
}

@ObjectType('ConstituentExport', { description: "The delegation's constituents with their active mandates, as CSV for the coordinator." })
export class ConstituentExportModel {
  @Field({ description: 'RFC 4180 CSV, CRLF line ends. Free-text cells starting with = + - @ get a leading apostrophe.' })
  csv: string;

  @Field(() => Int)
  rowCount: number;
}
