import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { AppConfig } from '@app/config';
import { Actor, EventService, OrganiserService, ParticipantService, unauthorized } from '@app/core';
import type { OrganiserClaims } from '../auth/auth.guard';
import { CurrentActor, ManagerAllowed, Public } from '../auth/decorators';
import { LoginDto, LoginResponseDto } from '../dto/auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly organisers: OrganiserService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly events: EventService,
    private readonly participants: ParticipantService,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOperation({ summary: 'Organiser login: email and password → bearer token' })
  async login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    const organiser = await this.organisers.verifyCredentials(body.email, body.password);
    const claims: OrganiserClaims = { sub: organiser.id, kind: 'organiser' };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, expiresIn: this.config.jwtExpiresInSeconds };
  }

  @Get('me')
  @ManagerAllowed()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who am I: an organiser, or the manager of one cluster in one event' })
  async me(@CurrentActor() actor: Actor) {
    if (actor.kind === 'organiser') {
      const organiser = await this.organisers.findById(actor.organiserId);
      if (!organiser) throw unauthorized('This organiser no longer exists.');
      return { kind: 'organiser', id: organiser.id, email: organiser.email };
    }
    const event = await this.events.get(actor, actor.eventId);
    const participant = await this.participants.get(actor, actor.eventId, actor.clusterId);
    return {
      kind: 'manager',
      event: { id: event.id, name: event.settings.name, date: event.settings.date, status: event.status },
      cluster: { id: participant.cluster.id, name: participant.cluster.name },
    };
  }
}
