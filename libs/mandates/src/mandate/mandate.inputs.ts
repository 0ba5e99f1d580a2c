import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsUUID } from 'class-validator';

@InputType()
export class IssueMandateInput {
  @Field(() => ID)
  @IsUUID()
  constituentId: string;

  @Field(() => ID)
  @IsUUID()
  delegateId: string;

  @Field({ nullable: true, description: 'When the mandate ends by itself; must be in the future. None: until revoked.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;
}

@InputType()
export class RevokeMandateInput {
  @Field(() => ID)
  @IsUUID()
  mandateId: string;
}

@InputType()
export class TransferMandateInput {
  @Field(() => ID)
  @IsUUID()
  mandateId: string;

  @Field(() => ID)
  @IsUUID()
  toDelegateId: string;

  @Field({ nullable: true, description: "The new mandate's expiry; by default the transferred mandate's." })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;
}
