import {
  ASSET_KINDS,
  COERCION_MEASURES,
  COLLECTION_SOURCES,
  SECURITY_MEASURE_KINDS,
  type AssetKind,
  type CoercionMeasure,
  type CollectionSource,
  type SecurityMeasureKind,
} from '@thads/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { EffectiveDate, IsIdentifier, IsOneOf, IsText, IsVnd } from '../../http/validators';

export class ApplySecurityMeasureDto {
  @IsIdentifier() measureId!: string;
  @IsOneOf(SECURITY_MEASURE_KINDS) kind!: SecurityMeasureKind;
  @IsText(2000) description!: string;
  @EffectiveDate() effectiveDate?: string;
}

export class DecideCoercionDto {
  @IsText(100) decisionNumber!: string;
  @IsOneOf(COERCION_MEASURES) measure!: CoercionMeasure;

  @ApiProperty({
    example: '2018-03-20T08:30',
    description: 'Local date-time the coercion is carried out (Asia/Ho_Chi_Minh)',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, {
    message: '$property must be a local date-time written YYYY-MM-DDTHH:mm',
  })
  scheduledAt!: string;

  @EffectiveDate() effectiveDate?: string;
}

export class SeizeAssetDto {
  @IsIdentifier() assetId!: string;
  @IsOneOf(ASSET_KINDS) kind!: AssetKind;
  @IsText(2000) description!: string;
  @EffectiveDate() effectiveDate?: string;
}

export class RecordValuationDto {
  @IsIdentifier() assetId!: string;
  @IsVnd() value!: string;
  @IsText(300) valuer!: string;
  @EffectiveDate() effectiveDate?: string;
}

export class RecordAuctionResultDto {
  @IsIdentifier() assetId!: string;
  @IsOneOf(['SOLD', 'FAILED']) outcome!: 'SOLD' | 'FAILED';
  @IsVnd({ optional: true }) price?: string;
  @EffectiveDate() effectiveDate?: string;
}

export class ReduceAuctionPriceDto {
  @IsIdentifier() assetId!: string;
  @IsVnd() newPrice!: string;
  @EffectiveDate() effectiveDate?: string;
}

export class RecordCollectionDto {
  @IsIdentifier() collectionId!: string;
  @IsIdentifier() itemId!: string;
  @IsVnd() amount!: string;
  @IsOneOf(COLLECTION_SOURCES) source!: CollectionSource;
  @IsText(100, { optional: true }) receiptNumber?: string;
  @EffectiveDate() effectiveDate?: string;
}

export class DisburseFundsDto {
  @IsIdentifier() disbursementId!: string;
  @IsIdentifier() itemId!: string;
  @IsVnd() amount!: string;
  @IsIdentifier({ optional: true }) payeePartyId?: string;
  @EffectiveDate() effectiveDate?: string;
}
