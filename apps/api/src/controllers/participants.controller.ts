import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Actor, ParticipantService, WishService, invalidField } from '@app/core';
import type { Response } from 'express';
import { CurrentActor, InviteCheckedByWrite, ManagerAllowed } from '../auth/decorators';
import { AvailabilityDoc, RegisterClustersDoc, WishListDoc } from '../dto/docs.dto';
import { etag, parseIfMatch } from '../http/pipes';
import { EventIdPipe } from './events.controller';

/** Largest CSV upload (multipart). */
const CSV_FILE_LIMIT = 5 * 1024 * 1024;

@ApiTags('participants')
@ApiBearerAuth()
@Controller('events/:id/participants')
export class ParticipantsController {
  constructor(
    private readonly participants: ParticipantService,
    private readonly wishes: WishService,
  ) {}

  @Get()
  @ManagerAllowed()
  @ApiOperation({ summary: 'The participants (managers see names, regions and kinds only)' })
  list(@CurrentActor() actor: Actor, @Param('id', EventIdPipe) id: string) {
    return this.participants.list(actor, id);
  }

  @Post()
  @ApiOperation({
    summary: 'Register clusters in the event (from the directory, or new ones), all or nothing',
  })
  @ApiBody({ type: RegisterClustersDoc })
  register(@Param('id', EventIdPipe) id: string, @Body() body: { clusters?: unknown }) {
    return this.participants.register(id, body?.clusters);
  }

  @Post('csv')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: CSV_FILE_LIMIT, files: 1 } }))
  @ApiOperation({
    summary: 'Register clusters from a CSV (columns: name, region, kind, contact email; id optional)',
    description: 'Send the CSV as the body (Content-Type: text/csv) or as the multipart field "file".',
  })
  @ApiConsumes('text/csv', 'multipart/form-data')
  registerCsv(
    @Param('id', EventIdPipe) id: string,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Body() body: unknown,
  ) {
    const text = file ? file.buffer.toString('utf8') : typeof body === 'string' ? body : undefined;
    if (text === undefined) {
      throw invalidField('csv', 'send the CSV as a text/csv body or as the multipart field "file"');
    }
    return this.participants.registerCsv(id, text);
  }

  @Post('invites')
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOperation({ summary: 'Issue (or re-issue) invite links for every participant' })
  async inviteAll(@CurrentActor() actor: Actor, @Param('id', EventIdPipe) id: string) {
    const list = await this.participants.list(actor, id);
    const invites = [];
    for (const participant of list) {
      const clusterId = 'cluster' in participant ? participant.cluster.id : participant.id;
      invites.push(await this.participants.issueInvite(id, clusterId));
    }
    return invites;
  }

  @Get(':clusterId')
  @ManagerAllowed()
  get(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Param('clusterId') clusterId: string,
  ) {
    return this.participants.get(actor, id, clusterId);
  }

  @Delete(':clusterId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a cluster from the event (its wishes, and the wishes for it, go too)' })
  async unregister(
    @Param('id', EventIdPipe) id: string,
    @Param('clusterId') clusterId: string,
  ): Promise<void> {
    await this.participants.unregister(id, clusterId);
  }

  @Post(':clusterId/invite')
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOperation({ summary: 'Issue an invite link for the manager (the previous link stops working)' })
  invite(@Param('id', EventIdPipe) id: string, @Param('clusterId') clusterId: string) {
    return this.participants.issueInvite(id, clusterId);
  }

  @Delete(':clusterId/invite')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the invite link' })
  async revoke(@Param('id', EventIdPipe) id: string, @Param('clusterId') clusterId: string): Promise<void> {
    await this.participants.revokeInvite(id, clusterId);
  }

  @Get(':clusterId/wishes')
  @ManagerAllowed()
  @ApiOperation({ summary: 'The ranked wish list, with its version (ETag)' })
  async getWishes(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Param('clusterId') clusterId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const list = await this.wishes.get(actor, id, clusterId);
    response.setHeader('ETag', etag(list.version));
    return { clusterId, ...list };
  }

  @Put(':clusterId/wishes')
  @ManagerAllowed()
  @InviteCheckedByWrite()
  @ApiOperation({
    summary: 'Replace the whole ranked wish list (managers: while the event is open)',
    description:
      'With If-Match: "<version>", a stale version is refused (412); without, the last write wins.',
  })
  @ApiBody({ type: WishListDoc })
  async replaceWishes(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Param('clusterId') clusterId: string,
    @Body() body: { wishes?: unknown },
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const list = await this.wishes.replace(
      actor,
      id,
      clusterId,
      requireField(body, 'wishes'),
      parseIfMatch(ifMatch),
    );
    response.setHeader('ETag', etag(list.version));
    return { clusterId, ...list };
  }

  @Get(':clusterId/availability')
  @ManagerAllowed()
  async getAvailability(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Param('clusterId') clusterId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.participants.getAvailability(actor, id, clusterId);
    response.setHeader('ETag', etag(result.version));
    return { clusterId, ...result };
  }

  @Put(':clusterId/availability')
  @ManagerAllowed()
  @ApiOperation({
    summary: 'Replace the availability windows (null: every slot); same versioning as the wishes',
  })
  @ApiBody({ type: AvailabilityDoc })
  async setAvailability(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Param('clusterId') clusterId: string,
    @Body() body: { availability?: unknown },
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const availability = requireField(body, 'availability');
    const version = await this.participants.setAvailability(
      actor,
      id,
      clusterId,
      availability,
      parseIfMatch(ifMatch),
    );
    response.setHeader('ETag', etag(version));
    return { clusterId, ...(await this.participants.getAvailability(actor, id, clusterId)), version };
  }
}

function requireField(body: unknown, field: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !(field in body)) {
    throw invalidField(field, 'is required');
  }
  const unknown = Object.keys(body).filter((key) => key !== field);
  if (unknown.length > 0) throw invalidField(unknown[0], 'unknown field');
  return (body as Record<string, unknown>)[field];
}
