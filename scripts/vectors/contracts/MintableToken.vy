# pragma version 0.4.3
"""
@title Mintable test token
@notice A bare ERC20 for the Uniswap V3 judge: anyone may mint. The pool only
        needs balanceOf and transfer; transferFrom and approve are not needed.
"""

event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    amount: uint256

balanceOf: public(HashMap[address, uint256])
totalSupply: public(uint256)


@external
def mint(receiver: address, amount: uint256):
    """Creates `amount` tokens for `receiver` (overflow of the supply reverts)."""
    self.totalSupply += amount
    self.balanceOf[receiver] += amount
    log Transfer(sender=empty(address), receiver=receiver, amount=amount)


@external
def transfer(receiver: address, amount: uint256) -> bool:
    """Moves `amount` of the caller's tokens to `receiver`."""
    self.balanceOf[msg.sender] -= amount
    self.balanceOf[receiver] += amount
    log Transfer(sender=msg.sender, receiver=receiver, amount=amount)
    return True
