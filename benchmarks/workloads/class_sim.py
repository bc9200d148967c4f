"""Object-heavy simulation: classes, inheritance, methods, properties, attribute updates."""
N = 1200


class Body:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy

    def step(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt

    @property
    def speed2(self):
        return self.vx * self.vx + self.vy * self.vy


class Bouncer(Body):
    def __init__(self, x, y, vx, vy, size):
        super().__init__(x, y, vx, vy)
        self.size = size
        self.bounces = 0

    def step(self, dt):
        super().step(dt)
        if not 0 <= self.x <= self.size:
            self.vx = -self.vx
            self.bounces += 1
        if not 0 <= self.y <= self.size:
            self.vy = -self.vy
            self.bounces += 1


class World:
    def __init__(self, count):
        self.bodies = [Bouncer(i % 10, i % 7, (i % 5) - 2, (i % 3) - 1, 50) for i in range(count)]

    def run(self, steps):
        for _ in range(steps):
            for b in self.bodies:
                b.step(0.5)
        return sum(b.bounces for b in self.bodies), max(b.speed2 for b in self.bodies)


World(40).run(N // 2)
