import { Module } from '@nestjs/common';
import { CoreModule } from '@app/core';
import { ParticipantDocumentsController } from './participant-documents.controller';
import { PrintingController } from './printing.controller';

/** Downloads of printed documents and exports (organisers; managers for their own cluster once published). */
@Module({ imports: [CoreModule], controllers: [PrintingController, ParticipantDocumentsController] })
export class PrintingModule {}
