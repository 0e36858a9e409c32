# pragma version 0.4.3
"""
@title A hostile ERC-20 (test only)
@notice A mintable token whose `transfer` and `transferFrom`, once armed, first call `target`
        with `payload`: a token re-entering the executor in the middle of a swap. It counts
        the attempts and the refusals and keeps the last refusal's revert data (the pools
        would mask a revert of the transfer itself).
"""

event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    amount: uint256

decimals: public(uint8)
totalSupply: public(uint256)
balanceOf: public(HashMap[address, uint256])
allowance: public(HashMap[address, HashMap[address, uint256]])
target: address
payload: Bytes[256]
attempts: public(uint256)
refusals: public(uint256)
last_refusal: public(Bytes[128])


@deploy
def __init__():
    self.decimals = 18


@external
def arm(target: address, payload: Bytes[256]):
    """Makes every later transfer call `target` with `payload` first (the empty address disarms)."""
    self.target = target
    self.payload = payload


@external
def mint(receiver: address, amount: uint256):
    """Creates `amount` tokens for `receiver`."""
    self.totalSupply += amount
    self.balanceOf[receiver] += amount
    log Transfer(sender=empty(address), receiver=receiver, amount=amount)


@external
def approve(spender: address, amount: uint256) -> bool:
    """Lets `spender` move up to `amount` of the caller's tokens."""
    self.allowance[msg.sender][spender] = amount
    return True


@external
def transfer(receiver: address, amount: uint256) -> bool:
    """Calls the armed target, then moves `amount` of the caller's tokens."""
    self._move(msg.sender, receiver, amount)
    return True


@external
def transferFrom(sender: address, receiver: address, amount: uint256) -> bool:
    """Calls the armed target, then moves `amount` of `sender`'s tokens within the allowance."""
    if self.allowance[sender][msg.sender] != max_value(uint256):
        self.allowance[sender][msg.sender] -= amount
    self._move(sender, receiver, amount)
    return True


@internal
def _move(sender: address, receiver: address, amount: uint256):
    if self.target != empty(address):
        self.attempts += 1
        success: bool = False
        reply: Bytes[128] = b""
        success, reply = raw_call(self.target, self.payload, max_outsize=128, revert_on_failure=False)
        if not success:
            self.refusals += 1
            self.last_refusal = reply
    self.balanceOf[sender] -= amount
    self.balanceOf[receiver] += amount
    log Transfer(sender=sender, receiver=receiver, amount=amount)
