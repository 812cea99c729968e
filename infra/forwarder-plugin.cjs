'use strict';

/**
 * A local osls plugin: after `osls package` (and so `osls deploy`) it writes the forwarder stack's
 * template, `forwarder.json`, next to the home template, built from the home template's EventBridge
 * rules (infra/forwarder.cjs). One packaging, both stacks, always in step.
 * https://www.serverless.com/framework/docs/guides/plugins/creating-plugins
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { forwarderTemplate } = require('./forwarder.cjs');

const FILE = 'forwarder.json';

class ForwarderPlugin {
  constructor(serverless, options) {
    this.hooks = {
      'after:package:finalize': () => {
        const dir = path.resolve(
          serverless.serviceDir ?? serverless.config.servicePath,
          options.package ?? serverless.service.package?.path ?? '.serverless',
        );
        const service = serverless.service;
        const prefix = `${service.service}-${service.provider.stage}-`;
        const template = forwarderTemplate(service.provider.compiledCloudFormationTemplate, prefix);
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, FILE), `${JSON.stringify(template)}\n`);
      },
    };
  }
}

module.exports = ForwarderPlugin;
