#!/usr/bin/env node
import {run} from '../lib/cli-bundle/index.js'

process.exitCode = await run(process.argv)
