import { Module, OnModuleInit, Type } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { undeclaredWriteRoutes } from '../../common/auth/route-declarations';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DepartmentsModule } from '../departments/departments.module';
import { UsersModule } from '../users/users.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';

@Module({
  imports: [
    DiscoveryModule,
    UsersModule,
    DepartmentsModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtExpiresIn as `${number}m` },
      }),
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [AuthService, AccountsService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule implements OnModuleInit {
  constructor(private readonly discovery: DiscoveryService) {}

  /** Refuses to start while a write route does not say who may call it. */
  onModuleInit(): void {
    const controllers = this.discovery
      .getControllers()
      .map((wrapper) => wrapper.metatype)
      .filter((type): type is Type => typeof type === 'function');
    const undeclared = undeclaredWriteRoutes(controllers);
    if (undeclared.length > 0) {
      throw new Error(
        `Write routes without @Roles, @AnyRole or @Public (say who may call them): ${undeclared.join(', ')}`,
      );
    }
  }
}
