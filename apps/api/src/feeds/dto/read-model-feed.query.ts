import { ApiPropertyOptional } from '@nestjs/swagger';
import { readModelProjections } from '@thads/read-models';
import { IsOptional, ValidateBy } from 'class-validator';
import { IsOneOf } from '../../http/validators';
import { isChangeId } from '../change-id';

/** Query string of GET /feeds/read-models. */
export class ReadModelFeedQueryDto {
  /** Only this read model's changes; default all. */
  @IsOneOf(readModelProjections.map((projection) => projection.name), { optional: true })
  projection?: string;

  @ApiPropertyOptional({
    type: String,
    example: '120',
    description:
      'Send changes after this id (the last id you have); `Last-Event-ID` wins when both are given. Default 0: every change kept',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isChangeId',
    validator: { validate: isChangeId, defaultMessage: () => '$property must be a change id: a whole number' },
  })
  fromId?: string;
}
