import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { Expensive } from '../common/admission';
import { UpdateProfileDto } from './dto/profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('profile')
@ApiBearerAuth()
@Controller('profile')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @Get()
  @Can('profile', 'show')
  @ApiOperation({
    summary: "The caller's own profile: id, email, fullName, role, digestFrequency",
  })
  get(@CurrentUser() caller: Caller) {
    return this.profile.get(caller);
  }

  @Patch()
  @Can('profile', 'edit')
  @ApiOperation({
    summary:
      'Sets the caller\'s own e-mail digest (`{digestFrequency: "none" | "daily" | "weekly"}`), audited; answers the profile',
  })
  update(@CurrentUser() caller: Caller, @Body() body: UpdateProfileDto) {
    return this.profile.update(caller, body);
  }

  @Get('digest-preview')
  @Can('profile', 'show')
  @Expensive()
  @ApiOperation({
    summary:
      "What the caller's digest would say today (`{empty, subject, text}`), read in the caller's scope: pacts awaiting approval, milestones due within 7 days or overdue, pacts without a note for 30 days, active pacts ending within 30 days or past their planned end",
  })
  preview(@CurrentUser() caller: Caller) {
    return this.profile.preview(caller);
  }
}
