import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'organiser@example.org' })
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'a long password' })
  @IsString()
  @MaxLength(1024)
  password: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Bearer token (JWT) for the organiser API' })
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the token expires' })
  expiresIn: number;
}
