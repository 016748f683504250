# One image for every process of the demo: the API (default), the worker, the fake partners and
# the one-shot migrate/seed job; docker-compose.yml picks the command per service.
#
# Build and start commands are package.json scripts, the ones CI runs; .ci/check-containers.sh
# fails the build on any other.
#
# The start commands run the package.json script's own command (`node dist/...`) rather than
# `npm run ...`: npm exits at once on SIGTERM without waiting for its child, so under npm
# `docker stop` would kill the process before it drains (the worker finishes its active jobs).

# Same major as .nvmrc.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && rm -rf /root/.npm
COPY --from=build /app/dist ./dist
# The AsyncAPI document the API serves (generated from the code, checked in CI).
COPY docs/asyncapi.json ./docs/asyncapi.json
USER node
# 3000: the API (PORT); 4010: the fake partners (FAKE_PARTNERS_PORT). The worker listens on none.
EXPOSE 3000 4010
# The package.json script start:api, run without npm (see above).
CMD ["node", "dist/apps/api/src/main.js"]
