import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { Role } from './actor';
import { AnyRole, Public, Roles } from './auth.decorators';
import { undeclaredWriteRoutes } from './route-declarations';

@Controller('things')
class ThingsController {
  @Get() list(): void {}
  @Post() @Roles(Role.Office) create(): void {}
  @Patch(':id') forgotten(): void {}
  @Post('login') @Public() open(): void {}
  @Post(':id/read') @AnyRole() read(): void {}
  helper(): void {}
}

@Roles(Role.Admin)
@Controller('hooks')
class HooksController {
  @Delete(':id') remove(): void {}
}

describe('undeclaredWriteRoutes', () => {
  it('names write routes without @Roles, @AnyRole or @Public, and nothing else', () => {
    expect(undeclaredWriteRoutes([ThingsController, HooksController])).toEqual([
      'ThingsController.forgotten',
    ]);
  });
});
