import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DirectoryService } from '@app/core';
import { ClusterDoc } from '../dto/docs.dto';

@ApiTags('clusters')
@ApiBearerAuth()
@Controller('clusters')
export class ClustersController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiOperation({ summary: 'The cluster directory' })
  list() {
    return this.directory.list();
  }

  @Post()
  @ApiOperation({ summary: 'Add a cluster to the directory (id made from the name when absent)' })
  @ApiBody({ type: ClusterDoc })
  create(@Body() body: unknown) {
    return this.directory.create(body);
  }

  @Get(':clusterId')
  get(@Param('clusterId') clusterId: string) {
    return this.directory.get(clusterId);
  }

  @Patch(':clusterId')
  @ApiOperation({ summary: 'Change name, region, kind or contact email' })
  @ApiBody({ type: ClusterDoc })
  update(@Param('clusterId') clusterId: string, @Body() body: unknown) {
    return this.directory.update(clusterId, body);
  }

  @Delete(':clusterId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a cluster that takes part in no event' })
  async delete(@Param('clusterId') clusterId: string): Promise<void> {
    await this.directory.delete(clusterId);
  }
}
