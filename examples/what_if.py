"""Try several answers from one snapshot: load the same bytes once per candidate."""
import monty

CODE = '''
rate = lookup_rate("EUR")
amount = 120 * rate
"expensive" if amount > 130 else "fine"
'''

if __name__ == '__main__':
    saved = monty.Monty(CODE).start().dump()
    for rate in (0.9, 1.0, 1.2):
        outcome = monty.load_snapshot(saved).resume(return_value=rate)
        print(f'rate {rate}: {outcome.output}')
