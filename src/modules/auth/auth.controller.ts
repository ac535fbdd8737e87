import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../common/auth/actor';
import { AnyRole, CurrentActor, Public } from '../../common/auth/auth.decorators';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, LoginResult, LogoutDto, RefreshDto, UserView } from './dto/login.dto';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @RateLimit('login')
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto): Promise<LoginResult> {
    return this.auth.login(dto);
  }

  @Public()
  @RateLimit('login')
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<LoginResult> {
    return this.auth.refresh(dto.refreshToken);
  }

  @ApiBearerAuth()
  @AnyRole()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() dto: LogoutDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(dto.refreshToken, actor);
  }

  @ApiBearerAuth()
  @AnyRole()
  @RateLimit('login')
  @Post('password')
  @HttpCode(200)
  changePassword(@Body() dto: ChangePasswordDto, @CurrentActor() actor: Actor): Promise<LoginResult> {
    return this.auth.changePassword(actor, dto);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.auth.me(actor);
  }
}
