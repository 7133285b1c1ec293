# The Lantern app (API + dashboard + members' page) for docker-compose.yml; PostgreSQL runs in its own container.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV CI=true
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc tsconfig.json ./
COPY server/package.json server/
COPY dashboard/package.json dashboard/
COPY member/package.json member/
COPY e2e/package.json e2e/
RUN npx -y pnpm@12.4.2 install --frozen-lockfile
COPY schema schema
COPY server server
COPY dashboard dashboard
COPY member member
RUN npx -y pnpm@12.4.2 build

FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
ENV CI=true
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY server/package.json server/
COPY dashboard/package.json dashboard/
COPY member/package.json member/
COPY e2e/package.json e2e/
RUN npx -y pnpm@12.4.2 install --frozen-lockfile --prod --filter @lantern/server

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=4000
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=prod-deps /app/server/node_modules server/node_modules
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/server/package.json server/package.json
COPY --from=build /app/dashboard/dist dashboard/dist
COPY --from=build /app/member/dist member/dist
COPY --from=build /app/member/package.json member/package.json
USER node
EXPOSE 4000
CMD ["node", "server/dist/main.js"]
